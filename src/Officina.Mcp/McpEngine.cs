using Officina.OpenXml.LibreOffice;
using Officina.OpenXml.Packaging;

namespace Officina.Mcp;

/// <summary>
/// The budgets the MCP tools open, verify and render documents under: the front end's own
/// (the CLI's options and environment, the service's settings), the same its other commands use.
/// </summary>
public sealed record McpEngine(PackageLimits Limits, LibreOfficeRunner LibreOffice);
