using BenchmarkDotNet.Running;
using Warning.Benchmarks;
using Warning.Benchmarks.FanOut;

// Macro benchmarks take a verb (timed by hand, see bench/RESULTS.md); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "receipts")
{
    return await ReceiptsMacroBenchmark.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "smpp")
{
    return await SmppMacroBenchmark.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "trigger")
{
    return await Warning.Benchmarks.Triggers.TriggerMacro.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "fanout")
{
    return await FanOutMacro.RunAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "e2e")
{
    return await EndToEndMacroBenchmark.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
