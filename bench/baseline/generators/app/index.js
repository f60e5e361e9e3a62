// The baseline: the most trivial Yeoman generator there is (one file from one
// string), run through yeoman-environment the way `yo` runs generators.
import Generator from 'yeoman-generator';

export default class extends Generator {
  writing() {
    this.fs.write(this.destinationPath('hello.txt'), 'hello\n');
  }
}
