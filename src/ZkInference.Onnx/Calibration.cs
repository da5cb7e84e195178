using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ZkInference.Onnx.Model;
using ZkInference.Onnx.Settings;

namespace ZkInference.Onnx;

/// <summary>
/// Calibration and the quantization report: the input range from sample inputs, and the compiled circuit's outputs
/// against ONNX Runtime's float model on the same samples (max and mean absolute error, top-1 agreement).
/// </summary>
public static class Calibration
{
    /// <summary>The settings with input_range set to the largest |x| seen in the samples.</summary>
    public static CompileSettings Calibrate(CompileSettings settings, IReadOnlyList<double[]> samples)
    {
        if (samples.Count == 0) throw new OnnxException("calibration needs at least one sample input");
        double max = samples.SelectMany(s => s).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return settings with { InputRange = Math.Max(max, Math.ScaleB(1, -settings.InputScale)) };
    }

    /// <summary>The float model's output for one input, by ONNX Runtime.</summary>
    public static float[] RunReference(OnnxModel model, double[] input)
    {
        try
        {
            using var session = new InferenceSession(model.Bytes);
            var tensor = new DenseTensor<float>(input.Select(v => (float)v).ToArray(), model.Input.Shape);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(model.Input.Name, tensor)]);
            return results.First().AsEnumerable<float>().ToArray();
        }
        catch (OnnxRuntimeException e) { throw new OnnxException($"ONNX Runtime could not run the model: {e.Message}", e); }
    }

    /// <summary>Compares the circuit's decoded outputs with ONNX Runtime on the samples (outputs must be public).</summary>
    public static AccuracyReport Report(OnnxCircuit circuit, IReadOnlyList<double[]> samples)
    {
        double maxErr = 0, sumErr = 0;
        int count = 0, agree = 0;
        foreach (double[] x in samples)
        {
            float[] reference = RunReference(circuit.Model, x);
            string[] signals = circuit.PublicSignals(circuit.Witness(x)).Select(s => s.ToString()).ToArray();
            double[] y = OnnxCircuit.DecodeOutput(circuit.Settings, signals);
            for (int i = 0; i < y.Length; i++)
            {
                double e = Math.Abs(y[i] - reference[i]);
                maxErr = Math.Max(maxErr, e); sumErr += e; count++;
            }
            if (ArgMax(y) == ArgMax(reference.Select(v => (double)v).ToArray())) agree++;
        }
        return new AccuracyReport(samples.Count, maxErr, count == 0 ? 0 : sumErr / count, (double)agree / samples.Count);
    }

    private static int ArgMax(double[] v) => v.Length == 0 ? -1 : Array.IndexOf(v, v.Max());
}
