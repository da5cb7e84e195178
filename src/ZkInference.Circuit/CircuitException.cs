namespace ZkInference.Circuit;

/// <summary>The one exception type of ZkInference.Circuit: malformed files, unsatisfied constraints, misuse of the builder.</summary>
public class CircuitException : Exception
{
    /// <summary>Creates the exception with a message that names the file or constraint and the problem.</summary>
    public CircuitException(string message) : base(message) { }

    /// <summary>Creates the exception wrapping a lower-level cause.</summary>
    public CircuitException(string message, Exception inner) : base(message, inner) { }
}
