using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ZkInference.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
