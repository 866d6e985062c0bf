using BenchmarkDotNet.Running;
using Warning.Benchmarks.FanOut;

// Macro benchmarks take a verb; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "fanout")
{
    return await FanOutMacro.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
