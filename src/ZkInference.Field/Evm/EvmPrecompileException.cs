namespace ZkInference.Field.Evm;

/// <summary>A precompile call that fails on chain: malformed input, with the reason.</summary>
public sealed class EvmPrecompileException : Exception
{
    /// <summary>Creates the exception with the reason.</summary>
    public EvmPrecompileException(string message) : base(message) { }
}
