using Officina.Mcp.Sessions;
using Officina.Operations;

namespace Officina.Mcp.Documents;

/// <summary>A document as read from a store: where it came from (as the store names it), a file name, and its bytes.</summary>
public sealed record StoredDocument(string Location, string Name, byte[] Content);

/// <summary>What <c>save_document</c> asks for: where (null: the store's default) and whether an existing file, even the input, may be replaced.</summary>
public sealed record SaveRequest(string? Target, bool Overwrite);

/// <summary>
/// Where the MCP tools read documents from and save them to, and on whose behalf: the files under
/// the configured roots for stdio (<see cref="RootedFileStore"/>), a tenant's uploads and job
/// results for HTTP (in the service). Every refusal is a <see cref="ToolRefusalException"/>.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Who is calling: the tenant, or <c>local</c> for stdio. Sessions are only reachable by their owner.</summary>
    string Owner { get; }

    /// <summary>How <c>open_document</c>'s path is written here, for the tool description and errors.</summary>
    string PathHelp { get; }

    Task<StoredDocument> ReadAsync(string location, CancellationToken cancellationToken);

    /// <summary>Stores the saved working copy (<paramref name="content"/>, verified as <paramref name="report"/> says); returns where it went.</summary>
    Task<string> SaveAsync(WorkingCopy copy, byte[] content, VerificationReport report, SaveRequest request, CancellationToken cancellationToken);
}
