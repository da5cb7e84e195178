using BenchmarkDotNet.Running;
using ZkInference.Bench;

// dotnet run -c Release --project bench/ZkInference.Bench -- --filter '*'
// dotnet run -c Release --project bench/ZkInference.Bench -- quick [msm1|msm2|msmg2|fft1|fft2|pairing|tower|batchparts|smul|verify|prove16|phases|ops|msmtune|all] [reps]
if (args.Length > 0 && args[0] == "quick") return Quick.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
