namespace ZkInference.Groth16;

/// <summary>
/// The one exception type of ZkInference.Groth16: malformed or mismatched keys, proofs and files,
/// unsatisfied witnesses. The message names the file or object and the problem.
/// </summary>
public class Groth16Exception : Exception
{
    /// <summary>Creates the exception with a message naming the file or object and the problem.</summary>
    public Groth16Exception(string message) : base(message) { }

    /// <summary>Creates the exception wrapping a lower-level cause.</summary>
    public Groth16Exception(string message, Exception inner) : base(message, inner) { }
}
