/** The panel's styles, inline so the page needs no stylesheet request; sizes in px like the popup's. */
export const PANEL_STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:12px/1.4 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1c1f24;background:#fff}
.panel{display:flex;flex-direction:column;height:100vh}
.top{display:flex;align-items:center;gap:12px;padding:6px 10px;border-bottom:1px solid #dde1e6;background:#f7f8fa;flex-wrap:wrap}
.top h1{font-size:14px;margin:0}
.page{max-width:360px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:#4a5360}
.counts{color:#4a5360}
.actions{margin-left:auto;display:flex;gap:6px}
button{font:inherit;cursor:pointer}
.actions button,.filters button{border:1px solid #b8c0ca;background:#fff;border-radius:4px;padding:3px 8px}
.actions button:disabled{opacity:.5;cursor:default}
.status{margin:6px 10px}
.finding-bar{list-style:none;margin:0;padding:4px 10px;display:flex;gap:6px;overflow-x:auto;border-bottom:1px solid #dde1e6;flex-shrink:0}
.finding{border:1px solid #dde1e6;background:#fff;border-radius:4px;padding:2px 8px;white-space:nowrap;max-width:420px;overflow:hidden;text-overflow:ellipsis}
.finding.active{border-color:#1a56db;background:#eaf1fd}
.filters{display:flex;flex-wrap:wrap;gap:8px;padding:6px 10px;border-bottom:1px solid #dde1e6;align-items:flex-end}
.filters label{display:flex;flex-direction:column;gap:2px;color:#4a5360}
.filters select,.filters input{font:inherit;max-width:220px;padding:2px 4px}
.split{flex:1;display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);min-height:0}
.timeline{display:flex;flex-direction:column;min-height:0;border-right:1px solid #dde1e6}
.vlist{flex:1;overflow:auto;min-height:0;outline:none}
.row{display:flex;align-items:center;gap:6px;width:100%;height:100%;padding:0 8px;border:0;border-bottom:1px solid #f0f2f4;background:none;text-align:left;white-space:nowrap;overflow:hidden}
.row:hover{background:#f3f6fa}.row.selected{background:#dbe8fd}
.row:focus-visible{outline:2px solid #1a56db;outline-offset:-2px}
.phase{display:flex;align-items:center;gap:10px;height:100%;padding:0 8px;background:#eef0f3;border-top:2px solid #8a94a3;font-size:12px}
.phase .count{color:#4a5360;margin-left:auto}
.time{font-family:ui-monospace,monospace;color:#4a5360;flex-shrink:0}
.vendor{width:170px;flex-shrink:0;overflow:hidden;text-overflow:ellipsis}
.label{flex:1;overflow:hidden;text-overflow:ellipsis;font-family:ui-monospace,monospace}
.verdict{display:inline-block;min-width:54px;text-align:center;border-radius:3px;padding:0 4px;font-size:11px;color:#fff;flex-shrink:0}
.v-high{background:#b3261e}.v-medium{background:#8f5200}.v-low{background:#4a5360}.v-ok{background:#2e7d32}
.badge{display:inline-block;border-radius:3px;padding:0 4px;font-size:11px;flex-shrink:0}
.slot{width:88px;flex-shrink:0}
.before{background:#fde7e9;color:#8c1d18;border:1px solid #f4b4b8}
.pi{background:#fff4d6;color:#6b4a00}
.abroad{background:#e8eefc;color:#1a3f99}
.side{overflow:auto;padding:8px 12px;min-height:0}
.detail h2{font-size:14px;margin:0 0 8px;display:flex;gap:8px;align-items:center}
.detail h3{font-size:12px;margin:12px 0 4px;color:#2b323b}
.detail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0}
.detail dt{color:#4a5360}.detail dd{margin:0;min-width:0}
.url{word-break:break-all}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #e3e6ea;padding:2px 6px;text-align:left;vertical-align:top;word-break:break-all}
mark{background:#ffe08a;color:#1c1f24;padding:0 2px}
.consent{margin:0;padding-left:18px}.consent .current{font-weight:600}
.findings{margin:4px 0;padding-left:18px}
.rule{border:0;background:none;color:#1a56db;text-decoration:underline;padding:0}
.muted{color:#4a5360;padding:8px}
.tools{max-height:50vh;overflow:auto;border-bottom:1px solid #dde1e6;flex-shrink:0}
.tool{padding:6px 10px}
.tool h2{font-size:13px;margin:4px 0}
.tool h3{font-size:12px;margin:8px 0 4px}
.issues{margin:0;padding-left:18px}.issues li{margin-bottom:4px}
.runs th[scope=col]{background:#f7f8fa}
.cell-list{margin:0;padding-left:14px}
.breach{background:#fde7e9;color:#8c1d18;font-weight:600}
.third-party-hit td:first-child{font-weight:600}
.muted-inline{color:#4a5360}
.note{background:#fff4d6;padding:4px 8px;border-radius:4px}
.outcome{font-weight:normal;color:#4a5360}
`
