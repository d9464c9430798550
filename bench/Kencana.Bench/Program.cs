using Kencana.Bench;

return BenchCommandLine.Run(args, BenchRun.Execute);
