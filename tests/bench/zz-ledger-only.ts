import { measureLedger } from "/work/wt/ledger/tests/bench/ledger"
console.log(JSON.stringify(await measureLedger(), null, 1))
