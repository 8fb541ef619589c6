using Npgsql;

namespace Officina.Service.Storage;

/// <summary>
/// Tells the storage failures that are the machine's state, not a bug, from the rest: the disk (or
/// the database's disk) is full, or the database cannot be reached. Both pass when an operator acts,
/// so the service answers them with 507 and 503 instead of a 500.
/// </summary>
public static class StorageFaults
{
    /// <summary>The error code of a job that failed because its result could not be stored.</summary>
    public const string StorageFullCode = "storage_full";

    // ENOSPC and EDQUOT on Linux (.NET puts the errno in HResult); ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static readonly HashSet<int> DiskFullCodes = [28, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    /// <summary>True when <paramref name="exception"/> (or one it wraps) says there is no space left for Officina's data.</summary>
    public static bool IsDiskFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException io && DiskFullCodes.Contains(io.HResult))
            {
                return true;
            }

            // 53100 disk_full, 53200 out_of_memory would not pass by retrying soon; only the disk is meant here.
            if (e is PostgresException { SqlState: "53100" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="exception"/> says the database cannot be reached (down, restarting, refusing connections, timing out).</summary>
    public static bool IsUnreachable(Exception? exception) => exception switch
    {
        // Classes 08 (connection exception), 57P (operator intervention: shutting down, starting up) and 53300 (too many connections).
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState == "53300",
        NpgsqlException => true,
        _ => false,
    };

    /// <summary>Deletes a temporary file a failed write left behind, so a full disk is not made fuller by the attempt.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done here; the write's own exception is what the caller reports.
        }
    }
}
