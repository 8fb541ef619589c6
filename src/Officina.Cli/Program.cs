using Officina.Cli;

return await OfficinaCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
