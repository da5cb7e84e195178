using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ZkInference.Circuit;
using ZkInference.Circuit.Formats;
using ZkInference.Field;

namespace ZkInference.Bench;

/// <summary>
/// The circuit layer at 2^20 constraints: building and solving a squaring chain (x ← x² + 7) and a 1024×1024
/// dense layer of multiply-accumulates, and writing/reading the chain's .r1cs. Few iterations: each op is seconds.
/// Run: dotnet run -c Release --project bench/ZkInference.Bench -- --filter '*Circuit*'
/// Retained bytes per constraint (constraints + solver + witness) are printed by <see cref="Setup"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CircuitBenchmarks
{
    private const int Constraints = 1 << 20;
    private const int Width = 1024;
    private CompiledCircuit _chain = null!, _dense = null!;
    private Fr[] _denseInputs = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        long before = GC.GetTotalMemory(true);
        _chain = BuildChain();
        Fr[] w = _chain.Solve([Fr.FromUInt64(3)], []);
        long after = GC.GetTotalMemory(true);
        Console.WriteLine($"// chain: {(after - before) / (double)Constraints:F1} retained bytes per constraint (system + solver + witness)");
        GC.KeepAlive(w);
        _dense = BuildDense();
        var rng = new Random(1);
        _denseInputs = Enumerable.Range(0, Width + Width * Width).Select(_ => Fr.FromUInt64((ulong)rng.Next())).ToArray();
        _file = Path.Combine(Path.GetTempPath(), $"zkinfer-bench-{Environment.ProcessId}.r1cs");
        R1csFile.Write(_chain.System, _file);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_file);
        File.Delete(_file + ".out");
    }

    /// <summary>x ← x² + 7, 2^20 times: one constraint (and three or four terms) each.</summary>
    public static CompiledCircuit BuildChain()
    {
        var b = new CircuitBuilder(Constraints, 4 * Constraints);
        LinearCombination x = b.PublicInput("x");
        for (int i = 0; i < Constraints - 1; i++) x = b.MulAdd(x, x, 7);
        b.PublicOutput("y", b.Mul(x, x));
        return b.Compile();
    }

    /// <summary>y = W·x with W and x private: 2^20 products, 1024 outputs (free sums, one linear output constraint each).</summary>
    public static CompiledCircuit BuildDense()
    {
        var b = new CircuitBuilder(Constraints + Width, 3 * Constraints + Width * (Width + 2));
        Variable[] x = b.PrivateInputs("x", Width);
        Variable[] w = b.PrivateInputs("w", Width * Width);
        var acc = new LinearCombinationBuilder(Width + 1);
        for (int j = 0; j < Width; j++)
        {
            for (int i = 0; i < Width; i++) acc.Add(b.Mul(x[i], w[j * Width + i]));
            b.PublicOutput($"y[{j}]", acc.Build());
        }
        return b.Compile();
    }

    [Benchmark] public CompiledCircuit Circuit_BuildChain() => BuildChain();

    [Benchmark] public Fr[] Circuit_SolveChain() => _chain.Solve([Fr.FromUInt64(3)], []);

    [Benchmark] public CompiledCircuit Circuit_BuildDense() => BuildDense();

    [Benchmark] public Fr[] Circuit_SolveDense() => _dense.Solve([], _denseInputs);

    [Benchmark] public void Circuit_WriteR1cs() => R1csFile.Write(_chain.System, _file + ".out");

    [Benchmark] public ConstraintSystem Circuit_ReadR1cs() => R1csFile.Read(_file);
}
