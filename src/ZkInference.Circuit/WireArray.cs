namespace ZkInference.Circuit;

/// <summary>A named run of consecutive wires: name[0] is <paramref name="FirstWire"/>, name[Count − 1] the last.</summary>
/// <param name="Name">The array's name.</param>
/// <param name="FirstWire">The wire of element 0.</param>
/// <param name="Count">The number of elements.</param>
public readonly record struct WireArray(string Name, int FirstWire, int Count);
