using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace ZkInference.Market.Chain;

public sealed partial class MarketClient
{
    /// <summary>The chain's latest block: its number and timestamp (seconds).</summary>
    public async Task<(ulong Number, ulong Timestamp)> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        BlockWithTransactionHashes block = await Rpc(Abi, () => _chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()),
            cancellationToken).ConfigureAwait(false);
        return ((ulong)block.Number.Value, (ulong)block.Timestamp.Value);
    }

    /// <summary>The gas a mined transaction used, or null when the node has no receipt for it.</summary>
    public async Task<long?> GetGasUsedAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        TransactionReceipt? receipt = await Rpc(Abi, () => _chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash), cancellationToken)
            .ConfigureAwait(false);
        return receipt?.GasUsed is HexBigInteger g ? (long)g.Value : null;
    }
}
