using System.Numerics;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace ZkInference.Market.Chain;

/// <summary>
/// An RPC endpoint and the account that signs transactions (locally; the key never leaves this process).
/// </summary>
public sealed class ChainConnection
{
    private ChainConnection(Web3 web3, Address sender, BigInteger chainId)
    {
        Web3 = web3;
        Sender = sender;
        ChainId = chainId;
    }

    /// <summary>The Nethereum client.</summary>
    public Web3 Web3 { get; }

    /// <summary>The signing account's address.</summary>
    public Address Sender { get; }

    /// <summary>The chain id transactions are signed for (EIP-155).</summary>
    public BigInteger ChainId { get; }

    /// <summary>How often to poll for a receipt (Hardhat mines at once; a real chain takes seconds).</summary>
    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long to wait for a receipt before giving up.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Connects to <paramref name="rpcUrl"/> signing with <paramref name="privateKeyHex"/>; asks the node for its chain id.</summary>
    /// <exception cref="MarketException">The key is not 32 bytes of hex, or the node does not answer.</exception>
    public static async Task<ChainConnection> ConnectAsync(string rpcUrl, string privateKeyHex, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rpcUrl);
        string key = privateKeyHex.Trim();
        if (key.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) key = key[2..];
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigit)) throw new MarketException("the private key must be 32 bytes of hex");
        BigInteger chainId;
        try
        {
            var probe = new Web3(rpcUrl);
            chainId = (await probe.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new MarketException($"no answer from {rpcUrl}: {e.Message}", e);
        }
        var account = new Account(key, chainId);
        return new ChainConnection(new Web3(account, rpcUrl), Address.Parse(account.Address), chainId);
    }
}
