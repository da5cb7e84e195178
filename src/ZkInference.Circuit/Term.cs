using ZkInference.Field;

namespace ZkInference.Circuit;

/// <summary>One term c·w of a linear combination: a wire index and its coefficient.</summary>
/// <param name="Wire">The wire index (0 is the constant-one wire).</param>
/// <param name="Coefficient">The coefficient in Fr; never zero inside a <see cref="LinearCombination"/>.</param>
public readonly record struct Term(int Wire, Fr Coefficient);
