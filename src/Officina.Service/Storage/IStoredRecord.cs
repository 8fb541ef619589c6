namespace Officina.Service.Storage;

/// <summary>What the record stores need of a job or a schedule: its id, its tenant, when it was made.</summary>
public interface IStoredRecord
{
    string Id { get; }

    string Tenant { get; }

    DateTimeOffset CreatedAt { get; }
}
