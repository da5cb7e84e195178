namespace ZkInference.Market.Ipfs;

/// <summary>An IPFS error: a malformed or unsupported CID, a failed fetch, or content that does not match its CID.</summary>
public class IpfsException : MarketException
{
    /// <summary>Creates the exception with its reason.</summary>
    public IpfsException(string message) : base(message) { }

    /// <summary>Creates the exception with its reason and the error underneath.</summary>
    public IpfsException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Fetched content whose CID differs from the one requested: the gateway served other bytes.</summary>
public sealed class IpfsContentMismatchException : IpfsException
{
    /// <summary>Creates the exception for the requested CID and the CID the received bytes have.</summary>
    public IpfsContentMismatchException(Cid expected, string actual, long size)
        : base($"content for {expected} does not match its CID: {size} bytes received hash to {actual}")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The CID that was requested.</summary>
    public Cid Expected { get; }

    /// <summary>The CID of the bytes received, in the profile compared (or a list when several were tried).</summary>
    public string Actual { get; }
}
