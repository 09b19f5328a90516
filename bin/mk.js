#!/usr/bin/env node
import '../dist/mk.js';
