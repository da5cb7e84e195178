// Compiles contracts/ZkInferenceMarket.sol with the pinned solcjs (standard JSON, cancun, optimizer 200 runs)
// and writes the artifact the C# client deploys: { contract, compiler, evmVersion, optimizerRuns, abi, bytecode }.
// Usage (from tests/interop): node evm/compile-market.js OUT.json   (tools/compile-contracts.sh wraps it)
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const out = process.argv[2];
if (!out) {
  console.error('usage: node evm/compile-market.js OUT.json');
  process.exit(2);
}
const contract = 'ZkInferenceMarket';
const file = path.join(__dirname, '..', '..', '..', 'contracts', `${contract}.sol`);
const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};
const input = { language: 'Solidity', sources: { [`${contract}.sol`]: { content: fs.readFileSync(file, 'utf8') } }, settings };
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const diagnostics = output.errors || [];
if (diagnostics.length > 0) {
  // Warnings fail too: the contract must compile cleanly.
  console.error(diagnostics.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const c = output.contracts[`${contract}.sol`][contract];
const artifact = {
  contract,
  compiler: solc.version(),
  evmVersion: settings.evmVersion,
  optimizerRuns: settings.optimizer.runs,
  abi: c.abi,
  bytecode: '0x' + c.evm.bytecode.object,
};
fs.writeFileSync(out + '.tmp', JSON.stringify(artifact, null, 1) + '\n');
fs.renameSync(out + '.tmp', out);
