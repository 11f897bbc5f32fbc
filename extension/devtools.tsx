// The DevTools page: adds the Zhiqing panel next to Elements, Console and Network.
import panelPage from "url:~/panels/inspector/index.html"

// Plasmo names the built page by URL; chrome.devtools.panels.create wants its path inside the extension.
chrome.devtools.panels.create("Zhiqing 知情", "", new URL(panelPage, location.href).pathname)
