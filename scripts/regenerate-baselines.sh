#!/usr/bin/env bash
# Regenerates the shipped toy baselines (models/baselines/tms-NxM.json) from nothing: every shape that the three
# bundled models need is trained by the tool's own trainer with BaselineSettings.Default (seeded, deterministic),
# then the checksums are written. Re-run after any change to the trainer or to BaselineSettings; the same build on
# the same machine gives the same bytes (float32 training: another CPU's vector width may change the last bits).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Superposition.Cli -c Release -nologo -v quiet
tool=(dotnet src/Superposition.Cli/bin/Release/net10.0/superposition.dll)
mkdir -p models/baselines
rm -f models/baselines/tms-*.json models/baselines/SHA256SUMS
for model in models/ppocr-v4-rec/ch_PP-OCRv4_rec_infer.onnx models/silero-vad-v5/silero_vad_v5.onnx models/openwakeword/hello_deepa.onnx; do
  "${tool[@]}" compare "$model" --baselines models/baselines > /dev/null
done
(cd models/baselines && sha256sum tms-*.json > SHA256SUMS)
echo "wrote $(ls models/baselines/tms-*.json | wc -l) baseline sets to models/baselines"
