using System.Net.Sockets;
using System.Text;

namespace Officina.Service.Tests;

/// <summary>
/// HTTP/1.1 requests written byte by byte over a socket, for bodies HttpClient will not send: cut off, paused
/// mid-way, or malformed. Returns the raw response (status line, headers, body).
/// </summary>
public static class RawHttp
{
    /// <summary>Sends the head with <paramref name="contentLength"/> (default: the body's length) and <paramref name="body"/>, then waits for the answer with the connection still open.</summary>
    public static async Task<string> PostAsync(Uri baseUrl, string path, string contentType, byte[] body, long? contentLength = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(body);
        using var client = new TcpClient();
        await client.ConnectAsync(baseUrl.Host, baseUrl.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {contentLength ?? body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await reader.ReadToEndAsync(timeout.Token);
    }

    public static int Status(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var parts = response.Split(' ', 3);
        return parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : throw new InvalidOperationException($"No status line: '{response}'");
    }
}
