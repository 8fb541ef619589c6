using System.Runtime.InteropServices;
using ModelContextProtocol.Client;

namespace Officina.Mcp.Tests;

/// <summary>
/// <c>dotnet officina.dll mcp --root ROOT</c> started as an agent starts it, with the official
/// client over stdio; ROOT is a fresh temporary folder, removed afterwards.
/// </summary>
public sealed class StdioServer : IAsyncLifetime
{
    private static readonly string Dotnet = Path.Combine(
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")), OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");

    public string Root { get; } = Directory.CreateTempSubdirectory("officina-mcp-root-").FullName;

    /// <summary>A folder beside the root that the server must not reach.</summary>
    public string Outside { get; } = Directory.CreateTempSubdirectory("officina-mcp-outside-").FullName;

    public McpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "officina",
            Command = Dotnet,
            Arguments = [Path.Combine(AppContext.BaseDirectory, "officina.dll"), "mcp", "--root", Root],
            WorkingDirectory = Outside,
        });
        Client = await McpClient.CreateAsync(transport);
    }

    /// <summary>Copies a test asset into the root and returns its path there.</summary>
    public string Copy(string folder, string name, string? as_ = null)
    {
        var target = Path.Combine(Root, as_ ?? name);
        File.Copy(McpCalls.Asset(folder, name), target, overwrite: true);
        return target;
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }
}
