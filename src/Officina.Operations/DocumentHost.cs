using System.Text.Json.Serialization;

namespace Officina.Operations;

/// <summary>The Office application whose documents a plan targets.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentHost>))]
public enum DocumentHost
{
    /// <summary>Workbooks: .xlsx, .xlsm.</summary>
    [JsonStringEnumMemberName("excel")] Excel,

    /// <summary>Documents: .docx, .docm.</summary>
    [JsonStringEnumMemberName("word")] Word,

    /// <summary>Decks: .pptx, .pptm.</summary>
    [JsonStringEnumMemberName("powerpoint")] PowerPoint,
}

/// <summary>Names of hosts as they appear in plans, the CLI and the API.</summary>
public static class DocumentHosts
{
    public static string ToName(this DocumentHost host) => host switch
    {
        DocumentHost.Excel => "excel",
        DocumentHost.Word => "word",
        DocumentHost.PowerPoint => "powerpoint",
        _ => throw new ArgumentOutOfRangeException(nameof(host), host, null),
    };

    public static bool TryParse(string? name, out DocumentHost host)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "excel" or "xlsx" or "workbook": host = DocumentHost.Excel; return true;
            case "word" or "docx" or "document": host = DocumentHost.Word; return true;
            case "powerpoint" or "pptx" or "presentation": host = DocumentHost.PowerPoint; return true;
            default: host = default; return false;
        }
    }
}
