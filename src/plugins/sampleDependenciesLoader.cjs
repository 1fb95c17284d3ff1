// @ts-check
/**
 * Bundler loader for docs pages. The `samples` remark plugin reads `samples/<name>/` while compiling a
 * page, but the bundler only knows about the page file itself: without this, editing a sample would not
 * rebuild its page in `docusaurus start`, and `docusaurus build` would reuse the stale page from its
 * persistent cache. Returns the page source unchanged.
 *
 * @this {{ getOptions(): { samplesDir: string }, addDependency(file: string): void, addContextDependency(dir: string): void }}
 * @param {string} source
 */
module.exports = function sampleDependenciesLoader(source) {
  if (!source.includes('<Sample')) return source;
  const fs = require('node:fs');
  const path = require('node:path');
  const { samplesDir } = this.getOptions();
  // The folder itself, so that adding or removing a sample file or folder counts too.
  this.addContextDependency(samplesDir);
  if (fs.existsSync(samplesDir)) {
    for (const entry of fs.readdirSync(samplesDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) this.addDependency(path.join(entry.parentPath ?? entry.path, entry.name));
    }
  }
  return source;
};
