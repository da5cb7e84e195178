// Compiles one Solidity file with the pinned solcjs (standard JSON, optimizer on) and prints JSON:
// { contract, evmVersion, abi, bytecode, methodIdentifiers, warnings }. Exits 1 with the errors on failure.
// Usage: node evm/compile.js FILE.sol CONTRACT [evmVersion=cancun] [optimizerRuns=200]
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const [file, contract, evmVersion = 'cancun', runs = '200'] = process.argv.slice(2);
if (!file || !contract) {
  console.error('usage: node evm/compile.js FILE.sol CONTRACT [evmVersion] [optimizerRuns]');
  process.exit(2);
}
const name = path.basename(file);
const input = {
  language: 'Solidity',
  sources: { [name]: { content: fs.readFileSync(file, 'utf8') } },
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: Number(runs) },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.methodIdentifiers'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const diagnostics = output.errors || [];
const errors = diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) {
  console.error(errors.map((e) => e.formattedMessage).join('\n'));
  process.exit(1);
}
const c = output.contracts[name] && output.contracts[name][contract];
if (!c) {
  console.error(`${name} has no contract ${contract}`);
  process.exit(1);
}
console.log(JSON.stringify({
  contract,
  compiler: solc.version(),
  evmVersion,
  abi: c.abi,
  bytecode: '0x' + c.evm.bytecode.object,
  methodIdentifiers: c.evm.methodIdentifiers,
  warnings: diagnostics.filter((d) => d.severity !== 'error').map((d) => d.formattedMessage),
}));
