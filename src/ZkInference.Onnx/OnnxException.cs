namespace ZkInference.Onnx;

/// <summary>A model, input or setting that cannot be compiled or evaluated, with the reason.</summary>
public sealed class OnnxException : Exception
{
    /// <summary>Creates the exception with its reason.</summary>
    public OnnxException(string message) : base(message) { }

    /// <summary>Creates the exception with its reason and the error underneath.</summary>
    public OnnxException(string message, Exception inner) : base(message, inner) { }
}
