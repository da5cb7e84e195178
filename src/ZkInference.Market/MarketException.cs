namespace ZkInference.Market;

/// <summary>A marketplace action refused by the rules, or a chain or IPFS error, with the reason.</summary>
public class MarketException : Exception
{
    /// <summary>Creates the exception with its reason.</summary>
    public MarketException(string message) : base(message) { }

    /// <summary>Creates the exception with its reason and the error underneath.</summary>
    public MarketException(string message, Exception inner) : base(message, inner) { }
}
