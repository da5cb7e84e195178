using System.Numerics;
using ZkInference.Circuit;
using ZkInference.Circuit.Gadgets;
using ZkInference.Circuit.Poseidon;
using ZkInference.Field;

namespace ZkInference.Cli.Demo;

/// <summary>
/// The circuit <c>zkinfer demo</c> proves: a private 4-input, 3-neuron ReLU layer with fixed weights in 8-bit
/// fixed point. Public signals: the three activations and the Poseidon commitment of the private input, so the
/// verifier learns the outputs and is bound to one input without seeing it.
/// </summary>
internal static class DemoCircuit
{
    /// <summary>Fractional bits of inputs, weights and outputs.</summary>
    public const int ScaleBits = 8;

    /// <summary>Signed bit width of the rescaled pre-activations.</summary>
    private const int ValueBits = 24;

    // Weights and biases of the layer, as reals; quantised to 8 fractional bits.
    private static readonly double[,] Weights = { { 0.5, -0.25, 0.75, 0.125 }, { -0.5, 1.0, 0.25, -0.75 }, { 0.3, 0.3, -0.6, 0.9 } };
    private static readonly double[] Biases = { 0.1, -0.2, 0.05 };

    /// <summary>The sample input the demo proves.</summary>
    public static readonly double[] SampleInput = { 0.8, 0.4, 0.6, 0.2 };

    /// <summary>Number of inputs.</summary>
    public static int Inputs => Weights.GetLength(1);

    /// <summary>Number of outputs (neurons).</summary>
    public static int Outputs => Weights.GetLength(0);

    /// <summary>Builds and compiles the circuit.</summary>
    public static CompiledCircuit Build()
    {
        var b = new CircuitBuilder();
        Variable[] x = b.PrivateInputs("x", Inputs);
        var activations = new LinearCombination[Outputs];
        for (int j = 0; j < Outputs; j++)
        {
            // Σ w·x + b·2^8 is at scale 2^16 and free (fixed weights); one rescale and one ReLU cost constraints.
            LinearCombination acc = Quantise(Biases[j]) * Fr.FromInt64(1L << ScaleBits);
            for (int i = 0; i < Inputs; i++) acc += x[i] * Quantise(Weights[j, i]);
            LinearCombination y = FixedPoint.Rescale(b, acc, ScaleBits, ValueBits);
            activations[j] = Activation.Relu(b, y, ValueBits);
        }
        for (int j = 0; j < Outputs; j++) b.PublicOutput($"relu[{j}]", activations[j]);
        b.PublicOutput("inputCommitment", PoseidonGadget.Hash(b, x));
        return b.Compile();
    }

    /// <summary>The private inputs as field elements (signed fixed point).</summary>
    public static Fr[] QuantiseInput(IReadOnlyList<double> input) => input.Select(Quantise).ToArray();

    /// <summary>The layer computed on integers outside the circuit: what the proof's outputs must equal.</summary>
    public static double[] Reference(IReadOnlyList<double> input)
    {
        var result = new double[Outputs];
        for (int j = 0; j < Outputs; j++)
        {
            BigInteger acc = QuantiseInt(Biases[j]) << ScaleBits;
            for (int i = 0; i < Inputs; i++) acc += QuantiseInt(Weights[j, i]) * QuantiseInt(input[i]);
            BigInteger y = FixedPoint.RescaleReference(acc, ScaleBits, Rounding.HalfUp);
            result[j] = (double)BigInteger.Max(y, 0) / (1 << ScaleBits);
        }
        return result;
    }

    /// <summary>A signal decoded from signed fixed point to a real.</summary>
    public static double Decode(in Fr value) => (double)FixedPoint.ToSigned(value) / (1 << ScaleBits);

    private static Fr Quantise(double v) => Fr.FromBigInteger(QuantiseInt(v));

    private static BigInteger QuantiseInt(double v) => new(Math.Round(v * (1 << ScaleBits)));
}
