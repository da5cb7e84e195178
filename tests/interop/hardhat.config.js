// Configuration for `hardhat node`, the local EVM chain the marketplace tests run on (nothing is compiled by
// Hardhat: the tests compile contracts/ with solcjs). Accounts come from ZKINFER_HARDHAT_KEYS (comma-separated
// private keys the test fixture generates), each funded with 10^24 wei; without it Hardhat's defaults apply.
'use strict';
const keys = (process.env.ZKINFER_HARDHAT_KEYS || '').split(',').filter((k) => k.length > 0);
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: 'cancun',
      ...(keys.length > 0 ? { accounts: keys.map((privateKey) => ({ privateKey, balance: '1000000000000000000000000' })) } : {}),
    },
  },
};
