// One manifest.json, two builds: `vite build --mode chrome` -> dist/chrome,
// `vite build --mode firefox` -> dist/firefox (scripts/build.ts runs both).
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { compileBundledLists } from './scripts/lib/bundled.ts';
import { GECKO_ID } from './scripts/lib/extension-ids.ts';


type Target = 'chrome' | 'firefox';

/** Browser-specific manifest keys, patched from the one shared manifest. */
function manifestFor(target: Target): ManifestV3Export {
  const m: Record<string, unknown> = structuredClone(baseManifest);
  if (target === 'firefox') {
    // Firefox runs an event page (no background.service_worker) and rejects Chrome-only keys.
    m.background = { scripts: ['src/background/main.ts'], type: 'module' };
    delete m.key;
    delete m.minimum_chrome_version;
    // Firefox's moz-extension:// host is random per install already: nothing for a page to probe.
    m.web_accessible_resources = (m.web_accessible_resources as Record<string, unknown>[]).map(({ use_dynamic_url: _, ...war }) => war);
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      // data_collection_permissions needs Firefox for Android 142.
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return m as unknown as ManifestV3Export;
}

/** Compiles blocklists/*.txt into the binary the worker loads on install (no parsing in the browser). */
function bundledLists(): Plugin {
  return {
    name: 'takedown-guard-bundled-lists',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'blocklists/court.bin', source: compileBundledLists() });
    },
  };
}

/**
 * Removes preact's only HTML sink (`dangerouslySetInnerHTML`), which this
 * extension never uses: URLs and page text must only ever render as text, and
 * `web-ext lint` flags the sink. Fails the build if preact changes shape.
 */
function noHtmlSink(): Plugin {
  const sink = /\((\w+)\.innerHTML=(\w+)\.__html\)/;
  return {
    name: 'takedown-guard-no-html-sink',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      if (!sink.test(code)) this.error('preact changed: the innerHTML sink to remove was not found');
      return { code: code.replace(sink, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled")})()'), map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    publicDir: 'extension',
    plugins: [
      noHtmlSink(),
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // One self-contained file: no loader chunks exposed as web-accessible resources.
        contentScripts: { standaloneFiles: ['src/content/main.ts'] },
      }),
      bundledLists(),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        // Pages reached only through web_accessible_resources/options must be explicit inputs.
        input: {
          warning: 'src/ui/warning/warning.html',
          options: 'src/ui/options/options.html',
          report: 'src/ui/report/report.html',
        },
      },
    },
  };
});
