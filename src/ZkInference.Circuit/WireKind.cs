namespace ZkInference.Circuit;

/// <summary>What a wire is, in circom's wire order: the constant one, public outputs, public inputs, private inputs, internal wires.</summary>
public enum WireKind : byte
{
    /// <summary>Wire 0, always 1.</summary>
    One = 0,
    /// <summary>A public output (first after wire 0).</summary>
    PublicOutput = 1,
    /// <summary>A public input.</summary>
    PublicInput = 2,
    /// <summary>A private input.</summary>
    PrivateInput = 3,
    /// <summary>An internal wire computed by the witness solver.</summary>
    Internal = 4,
}
