/**
 * Prism themes for ordinary fenced code blocks, with the colours of the shiki themes that sample blocks
 * use (GitHub Light High Contrast and GitHub Dark Default), so both kinds of block look alike and every
 * token keeps a 4.5:1 contrast (WCAG AA). prism-react-renderer's bundled themes all have tokens below it.
 */
import type { ThemeConfig } from '@docusaurus/theme-common';

type PrismTheme = ThemeConfig['prism']['theme'];

interface Palette {
  background: string;
  text: string;
  comment: string;
  keyword: string;
  string: string;
  constant: string;
  func: string;
  type: string;
  tag: string;
  deleted: string;
}

function prismTheme(palette: Palette): PrismTheme {
  return {
    plain: { color: palette.text, backgroundColor: palette.background },
    styles: [
      { types: ['comment', 'prolog', 'doctype', 'cdata'], style: { color: palette.comment, fontStyle: 'italic' } },
      { types: ['keyword', 'operator', 'important', 'atrule', 'rule'], style: { color: palette.keyword } },
      { types: ['string', 'char', 'regex', 'url', 'attr-value', 'template-string'], style: { color: palette.string } },
      { types: ['number', 'boolean', 'constant', 'builtin', 'attr-name', 'property', 'symbol'], style: { color: palette.constant } },
      { types: ['function', 'function-variable'], style: { color: palette.func } },
      { types: ['class-name', 'variable', 'parameter', 'namespace'], style: { color: palette.type } },
      { types: ['tag', 'selector', 'inserted'], style: { color: palette.tag } },
      { types: ['deleted'], style: { color: palette.deleted } },
      { types: ['punctuation'], style: { color: palette.text } },
    ],
  };
}

export const lightCodeTheme = prismTheme({
  background: '#ffffff',
  text: '#0e1116',
  comment: '#66707b',
  keyword: '#a0111f',
  string: '#032563',
  constant: '#023b95',
  func: '#622cbc',
  type: '#702c00',
  tag: '#024c1a',
  deleted: '#6e011a',
});

export const darkCodeTheme = prismTheme({
  background: '#0d1117',
  text: '#e6edf3',
  comment: '#8b949e',
  keyword: '#ff7b72',
  string: '#a5d6ff',
  constant: '#79c0ff',
  func: '#d2a8ff',
  type: '#ffa657',
  tag: '#7ee787',
  deleted: '#ffa198',
});
