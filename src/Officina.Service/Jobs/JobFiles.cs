namespace Officina.Service.Jobs;

/// <summary>How a job's files are downloaded: names derived from the upload's name, media types from the document's kind.</summary>
public static class JobFiles
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".xlsm"] = "application/vnd.ms-excel.sheet.macroEnabled.12",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".docm"] = "application/vnd.ms-word.document.macroEnabled.12",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".pptm"] = "application/vnd.ms-powerpoint.presentation.macroEnabled.12",
    };

    /// <summary>The job's result: as the job recorded it, or the upload's name with <c>-officina</c> and the document's type.</summary>
    public static JobFile Result(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ResultFile ?? Derived(job, "-officina");
    }

    /// <summary>The job's input under the name it was uploaded with.</summary>
    public static JobFile Original(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var name = job.FileName ?? "document";
        return new(name, Types[Extension(job)]);
    }

    /// <summary>The upload's name with <paramref name="suffix"/> before an Office extension (the host's usual one when the name has none).</summary>
    public static JobFile Derived(JobRecord job, string suffix)
    {
        ArgumentNullException.ThrowIfNull(job);
        var name = job.FileName ?? "document";
        var extension = Extension(job);
        var stem = Types.ContainsKey(Path.GetExtension(name)) ? Path.GetFileNameWithoutExtension(name) : name;
        return new($"{stem}{suffix}{extension}", Types[extension]);
    }

    private static string Extension(JobRecord job) =>
        Path.GetExtension(job.FileName ?? "") is { Length: > 0 } given && Types.ContainsKey(given) ? given.ToLowerInvariant()
        : job.Host switch
        {
            "word" => ".docx",
            "powerpoint" => ".pptx",
            _ => ".xlsx",
        };
}
