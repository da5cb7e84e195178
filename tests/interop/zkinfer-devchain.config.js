// Written by zkinfer: configuration of the local development chain (hardhat node).
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