// Deploys a contract on an in-process @ethereumjs/vm and sends it transactions; prints JSON with each one's
// gas: { deploy: { gasUsed, address }, calls: [ { status, returnData, gasUsed, executionGas, error } ] }.
// gasUsed is what the transaction costs (intrinsic + execution); executionGas is the EVM execution alone.
// Usage: node evm/run.js SPEC.json, SPEC = { bytecode, hardfork?, calls: [ { data, gasLimit? } ] }.
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
  for (const c of spec.calls || []) calls.push(await send(hexToBytes(to), c.data, c.gasLimit));
  console.log(JSON.stringify({ hardfork: common.hardfork(), deploy: { gasUsed: deploy.gasUsed, address: to }, calls }));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
