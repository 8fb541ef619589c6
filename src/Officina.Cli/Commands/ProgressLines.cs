using Officina.Operations;

namespace Officina.Cli.Commands;

/// <summary>
/// Progress as one line per report on a writer (stderr), written on the reporting thread so the
/// lines come out in order and before the result; stdout, and so <c>--json</c>, stays clean.
/// </summary>
internal sealed class ProgressLines(TextWriter writer) : IProgress<PlanProgress>
{
    public void Report(PlanProgress value)
    {
        if (value?.Current is { Length: > 0 } text)
        {
            writer.WriteLine(text);
            writer.Flush();
        }
    }
}
