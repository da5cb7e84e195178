using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZkInference.Groth16;
using ZkInference.Groth16.Solidity;
using ZkInference.Market;
using ZkInference.Market.Chain;
using ZkInference.Market.DevChain;
using ZkInference.Market.Engine;
using ZkInference.Market.Ipfs;
using ZkInference.Onnx.Settings;
using ZkInference.Server.Chain;
using ZkInference.Server.Feed;
using ZkInference.Server.Http;
using ZkInference.Server.Models;

namespace ZkInference.Server.Local;

/// <summary>
/// A whole marketplace on this machine: a local chain, the market contract deployed by account 0 (the operator),
/// models registered with generated verifiers, and prover servers in this process. What <c>zkinfer demo</c> and
/// the end-to-end tests run on.
/// </summary>
public sealed class LocalMarketplace : IAsyncDisposable
{
    private readonly List<LocalProverServer> servers = new();

    private LocalMarketplace(HardhatNode node, string toolsHome, ChainConnection operatorChain, MarketClient operatorClient)
    {
        Node = node;
        ToolsHome = toolsHome;
        OperatorChain = operatorChain;
        Operator = operatorClient;
    }

    /// <summary>The chain.</summary>
    public HardhatNode Node { get; }

    /// <summary>The folder holding node_modules with hardhat and solc.</summary>
    public string ToolsHome { get; }

    /// <summary>Account 0, which deployed the market and administers it.</summary>
    public ChainConnection OperatorChain { get; }

    /// <summary>The market as its operator sees it.</summary>
    public MarketClient Operator { get; }

    /// <summary>The market contract.</summary>
    public Address Market => Operator.Contract;

    /// <summary>Starts a chain with <paramref name="accounts"/> funded accounts and deploys the market with the given fee.</summary>
    public static async Task<LocalMarketplace> StartAsync(string toolsHome, int accounts, int feeBps, Action<string>? progress = null,
        CancellationToken cancellation = default)
    {
        var node = await HardhatNode.StartAsync(toolsHome, accounts, progress, cancellation).ConfigureAwait(false);
        try
        {
            var chain = await ChainConnection.ConnectAsync(node.Url, node.PrivateKeys[0], cancellation).ConfigureAwait(false);
            var (client, _) = await MarketClient.DeployAsync(chain, feeBps, cancellationToken: cancellation).ConfigureAwait(false);
            return new LocalMarketplace(node, toolsHome, chain, client);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection signing as account <paramref name="index"/>.</summary>
    public Task<ChainConnection> ConnectAsync(int index, CancellationToken cancellation = default) =>
        ChainConnection.ConnectAsync(Node.Url, Node.PrivateKeys[index], cancellation);

    /// <summary>The market as account <paramref name="index"/> sees it.</summary>
    public async Task<MarketClient> ClientAsync(int index, CancellationToken cancellation = default) =>
        new(await ConnectAsync(index, cancellation).ConfigureAwait(false), Market);

    /// <summary>Generates the Solidity verifier of a key, compiles it with solcjs and deploys it from account <paramref name="index"/>.</summary>
    public async Task<Address> DeployVerifierAsync(VerifyingKey key, int index, CancellationToken cancellation = default)
    {
        var (bytecode, _) = await SolcJs.CompileAsync(ToolsHome, "Verifier.sol", SolidityVerifier.Generate(key), SolidityVerifier.ContractName, cancellation)
            .ConfigureAwait(false);
        return await MarketClient.DeployBytecodeAsync(await ConnectAsync(index, cancellation).ConfigureAwait(false), bytecode, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers the compiled model in <paramref name="modelDirectory"/> (with its circuit.zkey) as account
    /// <paramref name="ownerIndex"/>: deploys its verifier, and records its parameter commitment, output count and the
    /// CIDs of its weights, circuit and settings.
    /// </summary>
    public async Task<RegisteredModel> RegisterModelAsync(int ownerIndex, string modelDirectory, ModelTerms terms, string name, string description,
        CancellationToken cancellation = default)
    {
        var settings = CircuitSettings.FromJson(await File.ReadAllTextAsync(Path.Combine(modelDirectory, "settings.json"), cancellation).ConfigureAwait(false));
        var key = ZkeyFile.ReadVerifyingKey(Path.Combine(modelDirectory, ServedModel.ZkeyFileName));
        var verifier = await DeployVerifierAsync(key, ownerIndex, cancellation).ConfigureAwait(false);
        var commitment = BigInteger.Parse(settings.ParamCommitment ?? throw new InvalidDataException("the model's parameters are not hashed: it has no parameter commitment"),
            System.Globalization.CultureInfo.InvariantCulture);
        var outputs = settings.Signal("output")?.Count ?? throw new InvalidDataException("the model's outputs are not public");
        string Cid(string file) => UnixFs.ComputeFileCid(Path.Combine(modelDirectory, file)).ToString();
        var metadata = new ModelMetadata(name, description,
            string.Join('x', settings.InputShape), string.Join('x', settings.OutputShape), "",
            Cid(settings.ModelFile), Cid("circuit.r1cs"), Cid("settings.json"));
        var owner = await ClientAsync(ownerIndex, cancellation).ConfigureAwait(false);
        var (id, tx) = await owner.RegisterModelAsync(verifier, commitment, outputs, terms, metadata, cancellationToken: cancellation).ConfigureAwait(false);
        return new RegisteredModel(id, modelDirectory, settings, verifier, key, tx.GasUsed);
    }

    /// <summary>
    /// Starts a prover server signing as account <paramref name="index"/>, serving the given models, journaling in
    /// <paramref name="stateDirectory"/>. <paramref name="wrap"/> lets a test replace the prover (a faulty server).
    /// </summary>
    public async Task<LocalProverServer> StartServerAsync(int index, IEnumerable<RegisteredModel> models, string stateDirectory,
        Func<IInferenceProver, IInferenceProver>? wrap = null, ILogger? logger = null, int maxConcurrentProofs = 1, CancellationToken cancellation = default)
    {
        var chain = await ConnectAsync(index, cancellation).ConfigureAwait(false);
        var client = new MarketClient(chain, Market);
        IInferenceProver prover = new OnnxInferenceProver(models.ToDictionary(m => m.ModelId, m => ServedModel.Load(m.Directory)));
        if (wrap is not null) prover = wrap(prover);
        var server = new ProverServer(
            new ServerOptions { StateDirectory = stateDirectory, PollInterval = TimeSpan.FromMilliseconds(200), MaxConcurrentProofs = maxConcurrentProofs },
            new MarketRequestFeed(chain, client, confirmations: 0), new MarketResultSubmitter(chain, client), prover, logger ?? NullLogger.Instance);
        var app = ProverServerHost.Build(server, "http://127.0.0.1:0", jsonLogs: false);
        await app.StartAsync(cancellation).ConfigureAwait(false);
        var local = new LocalProverServer(server, app, app.Urls.Single());
        servers.Add(local);
        return local;
    }

    /// <summary>Moves the chain's clock forward (and mines a block), for deadlines and subscriptions.</summary>
    public async Task IncreaseTimeAsync(ulong seconds, CancellationToken cancellation = default)
    {
        var rpc = OperatorChain.Web3.Client;
        await rpc.SendRequestAsync<string>(new Nethereum.JsonRpc.Client.RpcRequest(1, "evm_increaseTime", (long)seconds)).WaitAsync(cancellation).ConfigureAwait(false);
        await rpc.SendRequestAsync<string>(new Nethereum.JsonRpc.Client.RpcRequest(2, "evm_mine")).WaitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Stops the servers still running, then the chain.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var s in servers)
        {
            try { await s.DisposeAsync().ConfigureAwait(false); }
            catch (ObjectDisposedException) { /* stopped by the caller already */ }
        }
        await Node.DisposeAsync().ConfigureAwait(false);
    }
}
