using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ZkInference.Market.Tests.Ipfs;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a free port, one request per connection) standing in for an IPFS
/// gateway: each GET path is answered by <see cref="Routes"/>, anything else is 404.
/// </summary>
public sealed class LoopbackGateway : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackGateway()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>Path → response: the body, and optionally a Content-Length to declare (to break off early).</summary>
    public Dictionary<string, (byte[] Body, long? DeclaredLength)> Routes { get; } = [];

    /// <summary>Paths requested so far.</summary>
    public List<string> Requested { get; } = [];

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Serve(string path, byte[] body, long? declaredLength = null)
    {
        lock (Routes) Routes[path] = (body, declaredLength);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                string head = await ReadHead(stream);
                string path = head.Split(' ')[1];
                (byte[] Body, long? DeclaredLength) route;
                bool found;
                lock (Routes)
                {
                    Requested.Add(path);
                    found = Routes.TryGetValue(path, out route);
                }
                byte[] body = found ? route.Body : "not found"u8.ToArray();
                string status = found ? "200 OK" : "404 Not Found";
                long length = found && route.DeclaredLength is long declared ? declared : body.Length;
                byte[] header = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: application/octet-stream\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(header);
                await stream.WriteAsync(body);
                await stream.FlushAsync();
            }
            catch (IOException) { }
        }
    }

    private static async Task<string> ReadHead(NetworkStream stream)
    {
        var head = new List<byte>();
        byte[] one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("connection closed");
            head.Add(one[0]);
        }
        return Encoding.ASCII.GetString([.. head]);
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
