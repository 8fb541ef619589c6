using Officina.Operations;

namespace Officina.OpenXml.Packaging;

/// <summary>What <see cref="PackageGuard"/> found in a package it accepted.</summary>
public sealed record PackageInfo(DocumentHost Host, string MainContentType, bool HasMacros, int PartCount, long UncompressedBytes)
{
    /// <summary>The usual file extension for the package's kind, e.g. <c>.xlsm</c>.</summary>
    public string Extension => Host switch
    {
        DocumentHost.Excel => HasMacros ? ".xlsm" : ".xlsx",
        DocumentHost.Word => HasMacros ? ".docm" : ".docx",
        _ => HasMacros ? ".pptm" : ".pptx",
    };
}
