using Xunit;
using ZkInference.TestSupport;

namespace ZkInference.Onnx.Tests;

/// <summary>zkinfer onnx compile → snarkjs groth16 setup → zkinfer onnx prove → snarkjs verify and zkinfer onnx verify.</summary>
public sealed class CliInteropTests
{
    [Fact]
    public void CompileProveVerifyWithSnarkjs()
    {
        string dir = RepoPaths.NewTempDirectory("onnx-cli");
        string model = SharedModels.ModelPath("digits_linear");
        // Private input and fixed parameters keep the circuit under 2^12 for the shipped power-12 ptau.
        var r = Zkinfer.Run(["onnx", "compile", model, dir, "--input-visibility", "private", "--param-visibility", "fixed", "--input-range", "1"]);
        Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
        Assert.Contains("constraints:", r.StdOut);
        string zkey = Path.Combine(dir, "circuit.zkey"), vk = Path.Combine(dir, "verification_key.json");
        var s = NodeTools.Snarkjs("groth16", "setup", Path.Combine(dir, "circuit.r1cs"), RepoPaths.Fixture("scale_2e12", "pot_final.ptau"), zkey);
        Assert.True(s.ExitCode == 0, s.StdErr + s.StdOut);
        Assert.Equal(0, NodeTools.Snarkjs("zkey", "export", "verificationkey", zkey, vk).ExitCode);

        string input = Path.Combine(dir, "input.json");
        File.WriteAllText(input, "{\"input\": [" + string.Join(",", SharedModels.Samples("digits_linear")[0]) + "]}");
        string proof = Path.Combine(dir, "proof.json"), pub = Path.Combine(dir, "public.json");
        r = Zkinfer.Run(["onnx", "prove", dir, zkey, input, proof, pub, "--request-id", "9", "--server", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"]);
        Assert.True(r.ExitCode == 0, r.StdErr);
        s = NodeTools.Snarkjs("groth16", "verify", vk, pub, proof);
        Assert.True(s.ExitCode == 0 && s.PlainOut.Contains("OK"), s.PlainOut + s.StdErr);

        r = Zkinfer.Run(["onnx", "verify", dir, vk, pub, proof]);
        Assert.True(r.ExitCode == 0, r.StdErr + r.StdOut);
        Assert.StartsWith("{\"output\":[[", r.StdOut.Trim());
        double[] y = InputJson.Parse(r.StdOut.Replace("\"output\"", "\"input\""));
        Assert.Equal(SharedModels.ArgMax(SharedModels.References("digits_linear")[0]), SharedModels.ArgMax(y));

        // snarkjs proves with our witness too.
        string wtns = Path.Combine(dir, "witness.wtns");
        Assert.Equal(0, Zkinfer.Run(["onnx", "witness", dir, input, wtns, "--request-id", "9"]).ExitCode);
        Assert.Equal(0, NodeTools.Snarkjs("groth16", "prove", zkey, wtns, Path.Combine(dir, "p2.json"), Path.Combine(dir, "pub2.json")).ExitCode);
        Assert.Equal(0, Zkinfer.Run(["onnx", "verify", dir, vk, Path.Combine(dir, "pub2.json"), Path.Combine(dir, "p2.json")]).ExitCode);

        // A changed output (or request id) does not verify: exit 1 with the reason.
        string tampered = Path.Combine(dir, "tampered.json");
        File.WriteAllText(tampered, File.ReadAllText(pub).Replace("\"9\"", "\"10\""));
        r = Zkinfer.Run(["onnx", "verify", dir, vk, tampered, proof]);
        Assert.Equal(1, r.ExitCode);

        r = Zkinfer.Run(["onnx", "witness", dir, Path.Combine(dir, "proof.json"), wtns]);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("error:", r.StdErr.Trim());
    }
}
