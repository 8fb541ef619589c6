using Officina.Operations;

namespace Officina.Service.Jobs;

/// <summary>
/// What a preview showed before approval: the changes the whole plan made to the model's
/// working copy, and its verification. It describes the plan, not the document: the job's own
/// changes and verification are only ever what an approval applied.
/// </summary>
public sealed record JobPreview(IReadOnlyList<Change> Changes, JobVerification? Verification);
