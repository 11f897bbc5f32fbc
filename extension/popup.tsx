import { render } from "preact"
import { parseConfig } from "@zhiqing/sdk/schema"

function Popup() {
  return <main><h1>知情 Zhiqing {String(parseConfig({}).ok)}</h1></main>
}

render(<Popup />, document.body)
