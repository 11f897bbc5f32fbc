// The service worker: each collector and message handler registers itself when imported.
import "./collectors/web-requests"
import "./collectors/cookies"
import "./collectors/probe-relay"
import "./messages/report"
import "./messages/consent-scan"
import "./messages/canary"
import "./messages/draft-config"
