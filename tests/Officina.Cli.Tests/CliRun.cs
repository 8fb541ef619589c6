using Officina.Cli;

namespace Officina.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, in a scratch folder that is removed afterwards.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "officina-cli-" + Guid.NewGuid().ToString("N"));

    public static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", "xlsx", name);

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Copies an asset into the scratch folder so tests can check it is left untouched.</summary>
    public string Copy(string asset)
    {
        var target = PathOf(Path.GetFileName(asset));
        File.Copy(Asset(asset), target);
        return target;
    }

    public string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Runs with <paramref name="cancellationToken"/> as the command's cancellation (Ctrl+C).</summary>
    public async Task<(int Exit, string Out, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OfficinaCli.RunAsync(args, output, error, cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
