using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Officina.Testing;

/// <summary>
/// Bait for a renderer that follows a document's links: a picture of a colour no test file
/// uses, served over HTTP on 127.0.0.1 (counting every connection) and kept as a file on
/// this machine. A render that shows the colour, or a connection that arrives, means the
/// renderer fetched what the document pointed at.
/// </summary>
internal sealed class LinkedPictureTrap : IDisposable
{
    private static readonly (byte R, byte G, byte B) Colour = (18, 235, 122);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _picture = HostilePackages.SolidBitmap(300, 300, Colour.R, Colour.G, Colour.B);
    private int _connections;

    public LinkedPictureTrap()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(SecretFile, _picture);
        _listener.Start();
        _ = ServeAsync();
    }

    /// <summary>A folder outside anything a sandboxed renderer may see.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "officina-secret-" + Guid.NewGuid().ToString("N"));

    public string SecretFile => Path.Combine(Folder, "secret.bmp");

    public string FileUrl => new Uri(SecretFile).AbsoluteUri;

    public string HttpUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/picture.bmp";

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>How many pixels of the bait's colour a PDF shows, rendered at 30 dpi by pdftoppm.</summary>
    public static int BaitPixels(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("officina-bait-");
        try
        {
            var path = Path.Combine(folder.FullName, "render.pdf");
            File.WriteAllBytes(path, pdf);
            var start = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
            foreach (var argument in new[] { "-r", "30", path, Path.Combine(folder.FullName, "page") })
            {
                start.ArgumentList.Add(argument);
            }

            using (var process = Process.Start(start)!)
            {
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, "pdftoppm failed: " + process.StandardError.ReadToEnd());
            }

            return Directory.GetFiles(folder.FullName, "page*.ppm").Sum(page => Count(File.ReadAllBytes(page)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Pixels near the bait's colour in a binary PPM (P6: a text header, then RGB bytes).</summary>
    private static int Count(byte[] ppm)
    {
        var header = 0;
        for (var fields = 0; fields < 4; header++)
        {
            if (char.IsWhiteSpace((char)ppm[header]) && (header == 0 || !char.IsWhiteSpace((char)ppm[header - 1])))
            {
                fields++;
            }
        }

        var count = 0;
        for (var i = header; i + 2 < ppm.Length; i += 3)
        {
            if (Math.Abs(ppm[i] - Colour.R) < 12 && Math.Abs(ppm[i + 1] - Colour.G) < 12 && Math.Abs(ppm[i + 2] - Colour.B) < 12)
            {
                count++;
            }
        }

        return count;
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _connections);
                var stream = client.GetStream();
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: image/bmp\r\nContent-Length: {_picture.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(_picture, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
