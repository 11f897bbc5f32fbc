// The property names that dist/zhiqing.js shortens (see build.mjs): names the script tag's own modules use only among
// themselves, for the dialogs' words and screen, the seam between engine and dialogs, and the browser validator's
// schema keywords. None is stored, sent, read from the page, part of the public API or a JSON contract, or a web
// platform name; src/mangled-props.test.ts checks this.
export const MANGLED_PROPS = [
  // ui/copy.ts: keys that are not also config or state fields
  "intro", "colon", "added", "minor", "guardianTitle", "guardianText", "agree", "decline", "settings",
  "prefsTitle", "prefsIntro", "alwaysOn", "categories", "declineAll", "saveChoices", "agreeAll",
  "separateHeading", "granted", "notGranted", "rightsTitle", "separateIntro", "kinds", "overseasRecipient",
  "rightsWith", "noReceipts", "agreedTo", "onlyRequired", "rightsIntro", "replyTo", "failed", "categoryNames",
  // the dialogs' screen and context, and the engine-to-dialogs seam (ui/contract.ts, ui/dialog.tsx)
  "ctx", "labelId", "onClose", "banner", "asks", "choice", "busy", "ask", "settle", "record", "serial", "itemId",
  "showBanner", "destroy", "setLocale", "prepareLocale", "newPurposes", "policyChanged", "decide",
  // what the dialogs chunk brings the core (core/chunk.ts), and a storage option (core/storage.ts)
  "mountDialogs", "checkConfigRules", "sha256",
  // core/validate.ts
  "properties", "additionalProperties", "propertyNames", "minItems", "minimum",
  // core/validate.ts's keywords that are no config field or platform name either
  "enum", "const"
]
