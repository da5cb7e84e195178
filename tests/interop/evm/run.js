// Deploys a contract on an in-process @ethereumjs/vm and sends it transactions; prints JSON with each one's
// gas: { deploy: { gasUsed, address }, calls: [ { status, returnData, gasUsed, executionGas, error } ] }.
// gasUsed is what the transaction costs (intrinsic + execution); executionGas is the EVM execution alone.
// Usage: node evm/run.js SPEC.json, SPEC = { bytecode, hardfork?, calls: [ { data, gasLimit?, searchGasLimit? } ] }.
// With searchGasLimit, the call is also sent with a range of gas limits: the result gets leastGasLimit (the
// smallest limit for which the call completes and returns what it returns with plenty of gas, by binary search)
// and belowLeast: the distinct outcomes ("reverted" or the return data) of limits sampled every 50 gas over the
// 5,000 below it, so a test can check that no limit gives a different answer instead of failing.
'use strict';
const fs = require('fs');
const { createVM, runTx } = require('@ethereumjs/vm');
const { Common, Mainnet, Hardfork } = require('@ethereumjs/common');
const { createLegacyTx } = require('@ethereumjs/tx');
const { Account, createAddressFromPrivateKey, hexToBytes, bytesToHex } = require('@ethereumjs/util');

async function main() {
  const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const common = new Common({ chain: Mainnet, hardfork: spec.hardfork || Hardfork.Cancun });
  const vm = await createVM({ common });
  const key = hexToBytes('0x' + '11'.repeat(32));
  const sender = createAddressFromPrivateKey(key);
  await vm.stateManager.putAccount(sender, new Account(0n, 10n ** 24n));
  let nonce = 0n;

  const send = async (to, data, gasLimit) => {
    const tx = createLegacyTx({ nonce: nonce++, gasPrice: 10n ** 10n, gasLimit: BigInt(gasLimit || 10000000), to, data }, { common }).sign(key);
    const r = await runTx(vm, { tx, skipBlockGasLimitValidation: true });
    const err = r.execResult.exceptionError;
    return {
      status: err ? 'reverted' : 'ok',
      error: err ? String(err.error || err) : null,
      returnData: bytesToHex(r.execResult.returnValue),
      gasUsed: Number(r.totalGasSpent),
      executionGas: Number(r.execResult.executionGasUsed),
      address: r.createdAddress ? r.createdAddress.toString() : null,
    };
  };

  const deploy = await send(undefined, spec.bytecode);
  if (deploy.status !== 'ok') throw new Error('deployment failed: ' + deploy.error);
  const to = deploy.address;
  const calls = [];
  for (const c of spec.calls || []) {
    const result = await send(hexToBytes(to), c.data, c.gasLimit);
    if (c.searchGasLimit) Object.assign(result, await searchGasLimit(send, hexToBytes(to), c.data, result));
    calls.push(result);
  }
  console.log(JSON.stringify({ hardfork: common.hardfork(), deploy: { gasUsed: deploy.gasUsed, address: to }, calls }));
}

async function searchGasLimit(send, to, data, full) {
  const same = (r) => r.status === 'ok' && r.returnData === full.returnData;
  let lo = 21000, hi = 10000000; // lo fails, hi succeeds
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (same(await send(to, data, mid))) hi = mid; else lo = mid;
  }
  const outcomes = new Set();
  for (let g = hi - 1; g >= Math.max(21000, hi - 5000); g -= 50) {
    const r = await send(to, data, g);
    outcomes.add(r.status === 'ok' ? r.returnData : 'reverted');
  }
  return { leastGasLimit: hi, belowLeast: [...outcomes] };
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
